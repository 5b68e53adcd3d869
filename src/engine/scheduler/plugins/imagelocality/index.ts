// Score plugin ImageLocality.
export { ImageLocality, NAME, normalizedImageName, calculatePriority, create } from './image-locality';
