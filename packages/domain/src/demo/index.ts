export {
  generateDemoMunicipality,
  fakeCpr,
  isFakeCpr,
  DEMO_MUNICIPALITY,
  DEMO_EMAIL_DOMAIN,
  SSC_TEAMS,
} from './generateDemoMunicipality';
export { seedDemoBenefits, type DemoBenefitOptions } from './seedDemoBenefits';
export { seedDemoMunicipality, DEMO_USERS } from './seedDemoMunicipality';
export { seededRandom } from './seededRandom';
