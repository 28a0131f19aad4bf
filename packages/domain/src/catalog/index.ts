export {
  parseCatalogBundle,
  readCatalogFolder,
  ZCatalogBundle,
  type CatalogBundle,
  type ReturnReason,
  type ReplyTemplate,
} from './Catalog';
export { installCatalog } from './installCatalog';
export { latestServices, serviceVersion, storedDefinition } from './latestServices';
export { listServices, type ServiceCard } from './listServices';
export {
  createCatalogCache,
  personaFor,
  serviceForActor,
  serviceWithPersona,
  type CatalogCache,
} from './personaFor';
export { TtlCache } from './TtlCache';
export { exportCatalog } from './exportCatalog';
export { importCatalog } from './importCatalog';
export { openServiceForm } from './openServiceForm';
