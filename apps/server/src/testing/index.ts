export { createTestApp, LOOPBACK_LIMITS, type TestApp, type TestClient } from './createTestApp';
export {
  freePort,
  httpLogin,
  startServerProcess,
  type HttpClient,
  type ServerProcess,
} from './serverProcess';
export { newHireAnswers, type NewHireOverrides } from './newHireAnswers';
export { templateKey } from './preparedTemplate';
