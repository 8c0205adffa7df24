import { trackRoute } from '@/components/catalogue/TrackPage';

const route = trackRoute('citizens');
export const generateMetadata = route.generateMetadata;
export default route.Page;
