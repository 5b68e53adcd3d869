// The cluster's root CA as the root-ca-cert-publisher publishes it (kube-root-ca.crt, key ca.crt).
// A real self-signed certificate (CN=minikubeCA, valid 2025-01-14 to 2035-01-13), made once for kubesim;
// its private key was discarded, so it can verify nothing: it is here to look and parse like minikube's.

/** The PEM of the cluster CA (minikube's ~/.minikube/ca.crt). */
export const ROOT_CA_PEM = `-----BEGIN CERTIFICATE-----
MIIDBjCCAe6gAwIBAgIBATANBgkqhkiG9w0BAQsFADAVMRMwEQYDVQQDDAptaW5p
a3ViZUNBMB4XDTI1MDExNDA5MDAwMFoXDTM1MDExMzA5MDAwMFowFTETMBEGA1UE
AwwKbWluaWt1YmVDQTCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBAMTq
lxcHQzb6Ya+JAkD2WHg7EyB/5oRQds7fPlHIX5IFhoCDOB/EEdgttRmNrvbYu+r3
C1p+4RD2I4dnmOkCEoaQ7SaFzVe4twa9h08PrLnyHlcFvxSE1U+ZhC0YGC+oFIFy
T+I3LmgWGpxz/A9KrIIKRGtg+tDdRKLtwWqzL7F3yo1b0GPmJ2Mt2KsqwRGy0LoP
tnAGXvUn6Qgmw68icjIXay+fDPrhBpfKOyM73C3ftNX8Wccroj2p6yvR+uRH3vWJ
+pN7yzZey+D/k2m1byxOlIduj1vpTS7WL+y5SwXbYgGQcoOPYgrxiwxJjJvZAs0q
0Z6FQ8GuIhMwdM7cOZ8CAwEAAaNhMF8wDwYDVR0TAQH/BAUwAwEB/zAOBgNVHQ8B
Af8EBAMCAqQwHQYDVR0lBBYwFAYIKwYBBQUHAwIGCCsGAQUFBwMBMB0GA1UdDgQW
BBSStKFZCGNyEltvskc4O44Z3K9EejANBgkqhkiG9w0BAQsFAAOCAQEAOKzYCfzp
qjgmakEZiJQ45bK8gRltSK+BmfzW5MhG+/ehhWKhV2ijJ22G/EpLMWxLvnl4Pi2j
W9AUjOiIf9tum9NcKc8C1qt11cwRWmfuqkUifpH+N/qK1gTUCOicrbe/1Xhs2qSW
VMa4CKg44PvIYJSqJFzOC/BGyJsI0K/+vteVC+8CmQL816+JwUcG1vQ3Nv7qG9aL
qJugJao/vonLFqay2NOh5LogBZOroAZWpDnfBbOhmQZW3oXeQMIBA2NRH7mZ9eGk
ykU+BfUTsQ9tE0rS7qWWywXvGpOq/hlsCmjkHvsvRX7SdfBJIXOHeVegkxDvfK4U
kjE+yqEIdo6rtg==
-----END CERTIFICATE-----
`;
