import type { MetadataRoute } from 'next';
import { absolute } from '@/lib/seo/metadata';

export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/*/admin', '/api/'] }],
    sitemap: absolute('/sitemap.xml'),
  };
}
