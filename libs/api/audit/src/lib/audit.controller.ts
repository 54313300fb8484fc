import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditEventView, Page } from '@kepai/contracts';
import { Allow } from '@kepai/api-core';
import { AuditService } from './audit.service';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Allow({ admin: true })
  @ApiOperation({ summary: 'The audit log, newest first, with filters (admins)' })
  list(@Query() query: AuditQueryDto): Promise<Page<AuditEventView>> {
    return this.audit.list({ ...query, limit: query.limit ?? 50 });
  }
}
