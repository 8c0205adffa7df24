import { officialRoute } from '@/components/publications/official-route';

const route = officialRoute('accessibility');
export const generateMetadata = route.generateMetadata;
export default route.Page;
