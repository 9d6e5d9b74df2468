import cluster from 'node:cluster';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config';
import { createLogger } from './observability/logger';
import { runClusterPrimary } from './runtime/cluster-primary';

function configOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
  const logger = createLogger({ level: config.LOG_LEVEL });
  // Said once, by the process that picked the random secret (the cluster's web processes get it from the primary).
  if (!process.env.MAIL_CONFIRMATION_SECRET && !process.env.RECLAMO_WORKER)
    logger.warn(
      'MAIL_CONFIRMATION_SECRET is not set: a random one is used, so confirmation codes already sent stop working ' +
        'at a restart (set it in production)',
    );
  if (config.WEB_CONCURRENCY > 1 && cluster.isPrimary) {
    logger.info(`Reclamo is starting ${config.WEB_CONCURRENCY} web processes on http://localhost:${config.PORT}/`);
    runClusterPrimary(config, logger);
    return;
  }
  // Loaded here, not at the top: the cluster primary only forks and never needs the app, PDF or mail code.
  const { startServer } = await import('./runtime/start-server');
  const running = await startServer(config, logger);
  logger.info(`Reclamo is running: http://localhost:${running.port}/`);
  const onSignal = () => void running.stop().then(() => process.exit(0));
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

main().catch((error: unknown) => {
  console.error('Reclamo could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
