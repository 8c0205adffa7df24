import { officialRoute } from '@/components/publications/official-route';

const route = officialRoute('privacy');
export const generateMetadata = route.generateMetadata;
export default route.Page;
