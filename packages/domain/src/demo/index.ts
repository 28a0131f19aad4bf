export { generateDemoMunicipality, fakeCpr, isFakeCpr, DEMO_MUNICIPALITY, SSC_TEAMS } from './generateDemoMunicipality';
export { seedDemoMunicipality, DEMO_USERS } from './seedDemoMunicipality';
export { seededRandom } from './seededRandom';
