import { officialRoute } from '@/components/publications/official-route';

const route = officialRoute('about');
export const generateMetadata = route.generateMetadata;
export default route.Page;
