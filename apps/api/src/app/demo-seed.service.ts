import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Clock,
  DATABASE_TARGET,
  KEPAI_CONFIG,
  type DatabaseTarget,
  type KepaiConfig,
} from '@kepai/api-core';
import {
  generateInstitutes,
  iterateResults,
  seedInstitutes,
  seedResults,
} from '@kepai/api-catalogue';
import { AdminBootstrapService, DEMO_ORGANISATIONS } from '@kepai/api-identity';
import { DataSource } from 'typeorm';

/** Results in the demo catalogue, and the seed that makes them (the same catalogue every time). */
export const DEMO_RESULT_COUNT = 300;
export const DEMO_SEED = 20_261_122;
const GENERATED_INSTITUTES = 10;

/**
 * Demo mode (KEPAI_SEED=demo, or the first start on an empty embedded database): the demo
 * accounts of every role, then a catalogue of realistic generated results, a share of them owned
 * by the two demo institutes. Each part is created once; a later start finds it and adds nothing.
 */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    @Inject(KEPAI_CONFIG) private readonly config: KepaiConfig,
    @Inject(DATABASE_TARGET) private readonly target: DatabaseTarget,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AdminBootstrapService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!(this.config.seed === 'demo' || (this.config.seed === 'auto' && this.target.fresh)))
      return;
    const created = await this.accounts.seedDemoAccounts();
    const results = await this.seedCatalogue();
    this.accounts.printDemoAccounts(created);
    if (results > 0) this.logger.log(`demo catalogue: ${results} published results`);
  }

  /** Returns how many results it created (0 when the catalogue already has results). */
  async seedCatalogue(): Promise<number> {
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM result`);
    if (n > 0) return 0;
    const demoInstitutes: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM organisation WHERE credit_code = ANY($1::text[]) AND type = 'institute' ORDER BY credit_code`,
      [
        DEMO_ORGANISATIONS.filter((organisation) => organisation.type === 'institute').map(
          (organisation) => organisation.creditCode,
        ),
      ],
    );
    const generated = generateInstitutes(DEMO_SEED, GENERATED_INSTITUTES);
    // the first generated institutes' results go to the demo institutes, so their owners see listings
    const institutes = await seedInstitutes(
      this.dataSource.manager,
      generated.map((institute, index) => ({
        key: institute.key,
        organisationId: demoInstitutes[index]?.id ?? null,
        generated: institute,
      })),
    );
    return seedResults(
      this.dataSource,
      iterateResults(DEMO_SEED, DEMO_RESULT_COUNT, generated),
      institutes,
      this.clock.now(),
    );
  }
}
