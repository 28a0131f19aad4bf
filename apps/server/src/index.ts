export { buildApp, type AppDeps } from './buildApp';
export { loadConfig, DEFAULT_PORT, type Config } from './config';
export { startPlatform, type Platform } from './startPlatform';
