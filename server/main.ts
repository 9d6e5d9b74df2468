import { loadConfig, ConfigError } from './config/app-config';
import { createDefaultLetterService } from './services/default-letter-service';
import { createApp } from './web/app';

function start(): void {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  const app = createApp({ config, letterService: createDefaultLetterService(config) });
  const server = app.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    console.log(`Reclamo is running: http://localhost:${port}/ (API: http://localhost:${port}/api/v1/rules)`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

start();
