export * from './lib/result.entity';
export * from './lib/catalogue-tables.entity';
export * from './lib/results.service';
export * from './lib/demands.service';
export * from './lib/attachments.service';
export * from './lib/search/search.service';
export * from './lib/search/tokenizer';
export * from './lib/search/search-index';
export * from './lib/catalogue.module';
export * from './lib/generator';
export * from './lib/seed/catalogue-seeder';

import {
  DemandEntity,
  DemandLinkEntity,
  FavouriteEntity,
  ResultViewEntity,
  SearchTermEntity,
  CatalogueGenerationEntity,
} from './lib/catalogue-tables.entity';
import { AttachmentEntity } from './lib/attachment.entity';
import { ResultEntity } from './lib/result.entity';

/** The catalogue's tables, for the app's data source. */
export const CATALOGUE_ENTITIES = [
  ResultEntity,
  AttachmentEntity,
  FavouriteEntity,
  ResultViewEntity,
  SearchTermEntity,
  CatalogueGenerationEntity,
  DemandEntity,
  DemandLinkEntity,
];
export { UfplTermsDto } from './lib/dto/catalogue.dto';
