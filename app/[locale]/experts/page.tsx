import { trackRoute } from '@/components/catalogue/TrackPage';

const route = trackRoute('experts');
export const generateMetadata = route.generateMetadata;
export default route.Page;
