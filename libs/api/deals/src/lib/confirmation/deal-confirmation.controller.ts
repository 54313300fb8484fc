import { PassThrough } from 'node:stream';
import { Controller, Get, Header, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '@kepai/api-core';
import { ConfirmationService } from './confirmation.service';

@ApiTags('deals')
@ApiBearerAuth()
@Controller('deals')
export class DealConfirmationController {
  constructor(private readonly confirmations: ConfirmationService) {}

  @Get(':id/confirmation.pdf')
  @ApiProduces('application/pdf')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({
    summary:
      'The confirmation of sale (成交确认书) as a PDF in Chinese, to whoever may see the deal (404 to others; 503 when the CJK font is missing)',
  })
  async confirmation(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
  ): Promise<StreamableFile> {
    const { document, fileName, asciiFileName } = await this.confirmations.render(actor, id);
    const body = new PassThrough();
    document.pipe(body);
    return new StreamableFile(body, {
      type: 'application/pdf',
      disposition: `attachment; filename="${asciiFileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    });
  }
}
