import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Allow,
  AppException,
  CurrentActor,
  Meta,
  Public,
  type Actor,
  type RequestMeta,
} from '@kepai/api-core';
import type {
  AttachmentView,
  DemandMatch,
  DemandView,
  ResultStatus,
  ResultView,
  SearchResponse,
  SearchResultItem,
  SuggestResponse,
} from '@kepai/contracts';
import {
  CreateDemandDto,
  CreateResultDto,
  LinkDemandDto,
  MyResultsQueryDto,
  RejectResultDto,
  SearchQueryDto,
  SuggestQueryDto,
  UpdateResultDto,
} from './dto/catalogue.dto';
import { AttachmentsService, MAX_ATTACHMENT_BYTES } from './attachments.service';
import { DemandsService } from './demands.service';
import { PUBLIC_STATUSES, ResultsService } from './results.service';
import { SearchService } from './search/search.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('results')
@ApiBearerAuth()
@Controller('results')
export class ResultsController {
  constructor(
    private readonly results: ResultsService,
    private readonly search: SearchService,
    private readonly attachments: AttachmentsService,
  ) {}

  @Post(':id/attachments')
  @Allow({ types: ['institute'] })
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 0 } }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiOperation({
    summary: 'Attach a PDF or image of at most 10 MB, at most 10 per result (its institute)',
  })
  attach(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Param('id', uuid) id: string,
    @UploadedFile() file?: { originalname: string; buffer: Buffer; size: number },
  ): Promise<AttachmentView> {
    return this.attachments.add(actor, meta, id, file);
  }

  @Get(':id/attachments/:attachmentId')
  @Public()
  @ApiOperation({ summary: 'Download an attachment (whoever may see the result)' })
  async download(
    @CurrentActor() actor: Actor | null,
    @Param('id', uuid) id: string,
    @Param('attachmentId', uuid) attachmentId: string,
  ): Promise<StreamableFile> {
    const { attachment, bytes } = await this.attachments.read(actor, id, attachmentId);
    return new StreamableFile(bytes, {
      type: attachment.contentType,
      length: attachment.size,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
    });
  }

  @Delete(':id/attachments/:attachmentId')
  @Allow({ types: ['institute'] })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove an attachment (its institute)' })
  detach(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Param('id', uuid) id: string,
    @Param('attachmentId', uuid) attachmentId: string,
  ): Promise<void> {
    return this.attachments.remove(actor, meta, id, attachmentId);
  }

  @Get()
  @Allow({ types: ['institute'] })
  @ApiOperation({ summary: "My institute's results, any status (institutes)" })
  mine(@CurrentActor() actor: Actor, @Query() query: MyResultsQueryDto): Promise<ResultView[]> {
    return this.results.listMine(actor, query.status);
  }

  @Post()
  @Allow({ types: ['institute'], verified: true })
  @ApiOperation({ summary: 'List a new result as a draft (verified institutes)' })
  create(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Body() body: CreateResultDto,
  ): Promise<ResultView> {
    return this.results.create(actor, meta, body);
  }

  @Get(':id')
  @Public()
  @ApiOperation({
    summary:
      'A result: anyone for results on the market, its institute and admins otherwise; counts a view',
  })
  get(
    @CurrentActor() actor: Actor | null,
    @Meta() meta: RequestMeta,
    @Param('id', uuid) id: string,
  ): Promise<ResultView> {
    return this.results.get(actor, meta, id);
  }

  @Patch(':id')
  @Allow({ types: ['institute'] })
  @ApiOperation({
    summary: 'Edit a result (its institute); a published result goes back to review',
  })
  update(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Param('id', uuid) id: string,
    @Body() body: UpdateResultDto,
  ): Promise<ResultView> {
    return this.results.update(actor, meta, id, body);
  }

  @Delete(':id')
  @Allow({ types: ['institute'] })
  @ApiOperation({
    summary: 'Delete a draft, or withdraw a result under review or published (its institute)',
  })
  remove(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Param('id', uuid) id: string,
  ): Promise<{ deleted: boolean; status?: ResultStatus }> {
    return this.results.remove(actor, meta, id);
  }

  @Post(':id/submit')
  @HttpCode(HttpStatus.OK)
  @Allow({ types: ['institute'], verified: true })
  @ApiOperation({ summary: 'Submit a draft for review (its verified institute)' })
  submit(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Param('id', uuid) id: string,
  ): Promise<ResultView> {
    return this.results.submit(actor, meta, id);
  }

  @Post(':id/favourite')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Favourite a result (signed in); idempotent' })
  favourite(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
  ): Promise<{ favourited: boolean; favouriteCount: number }> {
    return this.results.favourite(actor, id, true);
  }

  @Delete(':id/favourite')
  @ApiOperation({ summary: 'Unfavourite a result (signed in); idempotent' })
  unfavourite(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
  ): Promise<{ favourited: boolean; favouriteCount: number }> {
    return this.results.favourite(actor, id, false);
  }

  @Get(':id/similar')
  @Public()
  @ApiOperation({ summary: 'Results like this one (anyone, for results on the market)' })
  async similar(@Param('id', uuid) id: string): Promise<SearchResultItem[]> {
    const found = await this.results.publicText(id);
    if (found === null || !PUBLIC_STATUSES.includes(found.status))
      throw new AppException('NOT_FOUND', 'No such result');
    return (await this.search.similarTo(found.text, found.field, id, 6)).map((match) => match.item);
  }
}

@ApiTags('results')
@ApiBearerAuth()
@Controller('me/favourites')
export class MyFavouritesController {
  constructor(private readonly search: SearchService) {}

  @Get()
  @ApiOperation({ summary: 'My favourite results still on the market, latest first (signed in)' })
  list(@CurrentActor() actor: Actor): Promise<SearchResultItem[]> {
    return this.search.favouritesOf(actor.userId);
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/results')
export class AdminResultsController {
  constructor(private readonly results: ResultsService) {}

  @Get()
  @Allow({ admin: true })
  @ApiOperation({ summary: 'Results awaiting review, oldest first (admins)' })
  queue(): Promise<ResultView[]> {
    return this.results.reviewQueue();
  }

  @Post(':id/approve')
  @HttpCode(HttpStatus.OK)
  @Allow({ admin: true })
  @ApiOperation({ summary: 'Publish a result under review (admins)' })
  approve(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Param('id', uuid) id: string,
  ): Promise<ResultView> {
    return this.results.approve(actor, meta, id);
  }

  @Post(':id/reject')
  @HttpCode(HttpStatus.OK)
  @Allow({ admin: true })
  @ApiOperation({ summary: 'Send a result back to its institute with a reason (admins)' })
  reject(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Param('id', uuid) id: string,
    @Body() body: RejectResultDto,
  ): Promise<ResultView> {
    return this.results.reject(actor, meta, id, body.reason);
  }
}

@ApiTags('search')
@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Get('results')
  @Public()
  @ApiOperation({
    summary: 'Search published results with facets, sorts and keyset pagination (anyone)',
  })
  results(@Query() query: SearchQueryDto): Promise<SearchResponse> {
    return this.search.search(query);
  }

  @Get('suggest')
  @Public()
  @ApiOperation({ summary: 'Autocomplete titles (anyone)' })
  suggest(@Query() query: SuggestQueryDto): Promise<SuggestResponse> {
    return this.search.suggest(query.q);
  }
}

@ApiTags('demands')
@ApiBearerAuth()
@Controller('demands')
export class DemandsController {
  constructor(private readonly demands: DemandsService) {}

  @Get()
  @ApiOperation({ summary: 'Demands: an enterprise its own, a broker every open one, admins all' })
  list(@CurrentActor() actor: Actor): Promise<DemandView[]> {
    return this.demands.list(actor);
  }

  @Post()
  @Allow({ types: ['enterprise'], verified: true })
  @ApiOperation({ summary: 'Post a technology demand (verified enterprises)' })
  create(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Body() body: CreateDemandDto,
  ): Promise<DemandView> {
    return this.demands.create(actor, meta, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A demand (its enterprise, brokers, admins)' })
  get(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<DemandView> {
    return this.demands.get(actor, id);
  }

  @Get(':id/matches')
  @ApiOperation({ summary: "Results for a demand: brokers' links first, then ranked matches" })
  matches(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<DemandMatch[]> {
    return this.demands.matches(actor, id);
  }

  @Post(':id/links')
  @Allow({ types: ['brokerage'], verified: true })
  @ApiOperation({ summary: 'Link a published result to a demand (verified brokers)' })
  link(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Param('id', uuid) id: string,
    @Body() body: LinkDemandDto,
  ): Promise<DemandMatch[]> {
    return this.demands.link(actor, meta, id, body);
  }
}
