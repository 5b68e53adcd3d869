// The application programs (servers, databases, sample apps, system components), by program id.
import type { Program } from '../process/context';
import { nginx } from './nginx/nginx';
import { nginxEntrypoint } from './nginx/nginx-entrypoint';
import { dumbInit, execAll, gosu } from './exec-args';
import { gbFrontend, httpd, httpdForeground, phpApache } from './httpd';
import { redisCli, redisEntrypoint, redisServer } from './databases/redis';
import { mongoEntrypoint, mongod, mongosh } from './databases/mongo';
import { pgIsready, postgres, postgresEntrypoint, psql } from './databases/postgres';
import { mysqlClient, mysqlEntrypoint, mysqldProgram } from './databases/mysql';
import { agnhost, echoServer, echoserver, goproxy, helloApp, livenessServer, pause } from './samples';
import { stress, vishStress } from './stress';
import { envsubst, node, nodeEntrypoint, perl, python } from './languages';
import { coredns, dashboard, etcd, ingressNginxController, kubeApiserver, kubeControllerManager, kubeProxy, kubeScheduler,
  kindnetd, kubeWebhookCertgen, metricsScraper, metricsServer, storageProvisioner } from './kube-system';

/** Application programs by id. */
export const APP_PROGRAMS: Record<string, Program> = {
  nginx, 'nginx-entrypoint': nginxEntrypoint, gosu, 'dumb-init': dumbInit, 'exec-args': execAll,
  httpd, 'httpd-foreground': httpdForeground, 'php-apache': phpApache, 'gb-frontend': gbFrontend,
  'redis-entrypoint': redisEntrypoint, 'redis-server': redisServer, 'redis-cli': redisCli,
  'mongo-entrypoint': mongoEntrypoint, mongod, mongosh,
  'postgres-entrypoint': postgresEntrypoint, postgres, initdb: postgres, psql, pg_isready: pgIsready,
  'mysql-entrypoint': mysqlEntrypoint, mysqld: mysqldProgram, mysql: mysqlClient, mysqladmin: mysqlClient,
  agnhost, echoserver, 'echo-server': echoServer, 'hello-app': helloApp, goproxy, liveness: livenessServer, pause,
  stress, 'vish-stress': vishStress,
  perl, python, pip: python, node, npm: node, 'node-entrypoint': nodeEntrypoint, envsubst,
  'kube-apiserver': kubeApiserver, 'kube-controller-manager': kubeControllerManager, 'kube-scheduler': kubeScheduler,
  'kube-proxy': kubeProxy, etcd, etcdctl: etcd, coredns, 'storage-provisioner': storageProvisioner,
  'ingress-nginx-controller': ingressNginxController, 'ingress-nginx-dbg': kubeWebhookCertgen, 'kube-webhook-certgen': kubeWebhookCertgen,
  'metrics-server': metricsServer, dashboard, 'metrics-scraper': metricsScraper, kindnetd,
};
