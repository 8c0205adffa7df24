import { officialRoute } from '@/components/publications/official-route';

const route = officialRoute('legal');
export const generateMetadata = route.generateMetadata;
export default route.Page;
