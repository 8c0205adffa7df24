import { officialRoute } from '@/components/publications/official-route';

const route = officialRoute('charter');
export const generateMetadata = route.generateMetadata;
export default route.Page;
