import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Clock,
  DATABASE_TARGET,
  KEPAI_CONFIG,
  type Actor,
  type DatabaseTarget,
  type KepaiConfig,
  type RequestMeta,
} from '@kepai/api-core';
import { RegistrationsService, SessionsService } from '@kepai/api-auctions';
import { BiddingService } from '@kepai/api-bidding';
import {
  DemandsService,
  generateInstitutes,
  iterateResults,
  seedInstitutes,
  seedResults,
} from '@kepai/api-catalogue';
import { AdminBootstrapService, DEMO_ORGANISATIONS } from '@kepai/api-identity';
import type {
  Field,
  IncrementLadder,
  OrganisationKind,
  TransactionMode,
  UserRole,
} from '@kepai/contracts';
import { DataSource } from 'typeorm';

/** Results in the demo catalogue, and the seed that makes them (the same catalogue every time). */
export const DEMO_RESULT_COUNT = 300;
export const DEMO_SEED = 20_261_122;
const GENERATED_INSTITUTES = 10;

/** The demo auctions, hosted by the demo broker; found by these titles on a later start. */
export const DEMO_TIMED_SESSION_TITLE = '2026 新材料与先进制造专场';
export const DEMO_LIVE_SESSION_TITLE = '长三角先进制造成果 直播拍卖会';
const DEMO_BROKER_EMAIL = 'broker@demo.kepai.cn';
/** The two demo enterprises that register and bid: 杭州明湖 (paddle 1) and 深圳前海 (paddle 2). */
const DEMO_BIDDER_EMAILS = ['enterprise@demo.kepai.cn', 'bidder@demo.kepai.cn'] as const;

const HOUR_MS = 3600 * 1000;
const MINUTE_MS = 60 * 1000;
/** ¥5,000 steps below ¥100,000, ¥10,000 to ¥500,000, ¥20,000 to ¥1,000,000, ¥50,000 above. */
const DEMO_LADDER: IncrementLadder = [
  [0, 500_000],
  [10_000_000, 1_000_000],
  [50_000_000, 2_000_000],
  [100_000_000, 5_000_000],
];
/** The timed session's lots (fen): open now, closing 2 to 48 hours later; the second has a reserve. */
const TIMED_LOTS = [
  { closesInHours: 2, startingPrice: 38_000_000 },
  { closesInHours: 8, startingPrice: 120_000_000, reservePrice: 150_000_000 },
  { closesInHours: 24, startingPrice: 65_000_000 },
  { closesInHours: 48, startingPrice: 180_000_000 },
];
/** The live session's lots, opened by the broker from about an hour after seeding. */
const LIVE_LOTS = [
  { opensInMinutes: 0, startingPrice: 80_000_000 },
  { opensInMinutes: 20, startingPrice: 150_000_000 },
];
/** Modes a demo lot is offered in, the first a result offers (results offering none are left out). */
const LOT_MODES: TransactionMode[] = [
  'assignment',
  'exclusive_licence',
  'sole_licence',
  'ordinary_licence',
];
/**
 * The demo enterprises' technology demands (`by` indexes DEMO_BIDDER_EMAILS); the broker links
 * the best-ranked published result to those marked `linked`, so a demand shows a broker's match.
 */
const DEMO_DEMANDS: Array<{
  by: 0 | 1;
  title: string;
  description: string;
  field: Field;
  budget: number;
  deadlineDays: number;
  linked: boolean;
}> = [
  {
    by: 0,
    title: '寻求高安全性固态电池电解质量产技术',
    description:
      '我司计划建设动力电池中试线，需要室温离子电导率高、可规模化制备的固态电解质技术，希望以独占许可或转让方式取得，并由成果方提供工艺指导。',
    field: 'energy',
    budget: 300_000_000,
    deadlineDays: 90,
    linked: true,
  },
  {
    by: 0,
    title: '电机壳体轻量化铝合金压铸工艺',
    description:
      '新能源汽车电驱产品需要减重 15% 以上的壳体方案，寻求高强韧铝合金材料及一体化压铸工艺，可接受先使用后付费。',
    field: 'materials',
    budget: 150_000_000,
    deadlineDays: 60,
    linked: true,
  },
  {
    by: 1,
    title: '光伏组件缺陷在线视觉检测算法',
    description:
      '组件产线需要对隐裂、虚焊等缺陷进行实时检测，要求检出率 99% 以上，可与现有工控系统对接，寻求算法授权或联合开发。',
    field: 'it',
    budget: 80_000_000,
    deadlineDays: 45,
    linked: false,
  },
  {
    by: 1,
    title: '秸秆等农业废弃物高值化利用技术',
    description:
      '计划在县域建设农业废弃物处理项目，寻求将秸秆转化为生物基材料或能源产品的成熟技术，要求已完成中试。',
    field: 'environment',
    budget: 120_000_000,
    deadlineDays: 120,
    linked: false,
  },
];

const SEED_META: RequestMeta = { ip: null, requestId: 'demo-seed' };

/**
 * Demo mode (KEPAI_SEED=demo, or the first start on an empty embedded database): the demo
 * accounts of every role, then a catalogue of realistic generated results, a share of them owned
 * by the two demo institutes, then the demo broker's auctions with registrations and bids. Each
 * part is created once; a later start finds it and adds nothing.
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
    private readonly sessions: SessionsService,
    private readonly registrations: RegistrationsService,
    private readonly bidding: BiddingService,
    private readonly demands: DemandsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!(this.config.seed === 'demo' || (this.config.seed === 'auto' && this.target.fresh)))
      return;
    const created = await this.accounts.seedDemoAccounts();
    const results = await this.seedCatalogue();
    const auctions = await this.seedAuctions();
    const demands = await this.seedDemands();
    this.accounts.printDemoAccounts(created);
    if (results > 0) this.logger.log(`demo catalogue: ${results} published results`);
    if (auctions !== null)
      this.logger.log(
        `demo auctions: ${auctions.sessions} sessions, ${auctions.lots} lots, ${auctions.bids} bids`,
      );
    if (demands !== null)
      this.logger.log(
        `demo demands: ${demands.demands} open, ${demands.linked} matched by the broker`,
      );
  }

  /**
   * The demo enterprises' open demands, through the same service as the api, and the demo
   * broker's link of the best-ranked result to some of them (which tells the enterprise, as a
   * real match does). Returns null when the enterprises already have demands or are missing.
   */
  async seedDemands(): Promise<{ demands: number; linked: number } | null> {
    const broker = await this.actorOf(DEMO_BROKER_EMAIL);
    const enterprises = await Promise.all(DEMO_BIDDER_EMAILS.map((email) => this.actorOf(email)));
    if (broker === null || enterprises.some((enterprise) => enterprise === null)) return null;
    const [{ n }]: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM demand WHERE enterprise_id = ANY($1::uuid[])`,
      [enterprises.map((enterprise) => (enterprise as Actor).organisationId)],
    );
    if (n > 0) return null;
    const now = this.clock.now().getTime();
    let linked = 0;
    for (const plan of DEMO_DEMANDS) {
      const demand = await this.demands.create(enterprises[plan.by] as Actor, SEED_META, {
        title: plan.title,
        description: plan.description,
        field: plan.field,
        budget: plan.budget,
        deadline: new Date(now + plan.deadlineDays * 24 * HOUR_MS).toISOString().slice(0, 10),
      });
      if (!plan.linked) continue;
      const matches = await this.demands.matches(broker, demand.id);
      const best = matches.find((match) => match.result.field === plan.field) ?? matches[0];
      if (best === undefined) continue;
      await this.demands.link(broker, SEED_META, demand.id, {
        resultId: best.result.id,
        note: '经纪人推荐：技术指标与需求相符，成果方可提供中试支持。',
      });
      linked += 1;
    }
    return { demands: DEMO_DEMANDS.length, linked };
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

  /**
   * The demo broker's auctions, made through the same services as the api (so the lots, the
   * deposit ledger, the paddles, the bid store and the hash-chained history are what real use
   * makes): a timed session open now with four lots of the demo institutes' results, two demo
   * enterprises registered with confirmed deposits and bidding on two of them (one by proxy),
   * and a live session starting in about an hour with two lots. Returns null when the broker
   * already hosts them, or when the accounts or results they need are missing.
   */
  async seedAuctions(): Promise<{ sessions: number; lots: number; bids: number } | null> {
    const broker = await this.actorOf(DEMO_BROKER_EMAIL);
    const bidders = await Promise.all(DEMO_BIDDER_EMAILS.map((email) => this.actorOf(email)));
    if (broker === null || bidders.some((bidder) => bidder === null)) return null;
    const [enterprise, second] = bidders as [Actor, Actor];
    const [{ n }]: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM auction_session WHERE host_id = $1 AND title = ANY($2::text[])`,
      [broker.organisationId, [DEMO_TIMED_SESSION_TITLE, DEMO_LIVE_SESSION_TITLE]],
    );
    if (n > 0) return null;
    const results = await this.auctionableResults(TIMED_LOTS.length + LIVE_LOTS.length);
    if (results === null) {
      this.logger.warn('demo auctions skipped: the demo institutes have too few published results');
      return null;
    }

    const now = this.clock.now().getTime();
    const timed = await this.sessions.create(broker, SEED_META, {
      title: DEMO_TIMED_SESSION_TITLE,
      format: 'timed',
      depositAmount: 5_000_000,
      softCloseSeconds: 120,
      increments: DEMO_LADDER,
      startsAt: new Date(now).toISOString(),
    });
    const timedLots = [];
    for (const [index, plan] of TIMED_LOTS.entries()) {
      const result = results[index];
      timedLots.push(
        await this.sessions.addLot(broker, SEED_META, timed.id, {
          resultId: result.id,
          mode: result.mode,
          startingPrice: plan.startingPrice,
          ...(plan.reservePrice !== undefined ? { reservePrice: plan.reservePrice } : {}),
          // a minute back, so that it is open by any node's clock
          opensAt: new Date(now - MINUTE_MS).toISOString(),
          closesAt: new Date(wholeMinute(now + plan.closesInHours * HOUR_MS)).toISOString(),
        }),
      );
    }
    for (const [index, bidder] of [enterprise, second].entries()) {
      const registration = await this.registrations.register(bidder, SEED_META, timed.id);
      await this.registrations.confirmDeposit(broker, SEED_META, registration.id, {
        reference: `演示转账 DEMO-2026-${String(index + 1).padStart(4, '0')}`,
      });
    }

    // paddle 1 opens the first lot, paddle 2 answers with a proxy up to ¥460,000, paddle 1 tries
    // ¥420,000 and the proxy leads at ¥430,000; the reserve lot has one bid, below its reserve
    const bids: Array<[Actor, string, number, number?]> = [
      [enterprise, timedLots[0].id, 38_000_000],
      [second, timedLots[0].id, 39_000_000, 46_000_000],
      [enterprise, timedLots[0].id, 42_000_000],
      [enterprise, timedLots[1].id, 120_000_000],
    ];
    for (const [bidder, lotId, amount, maxAmount] of bids)
      await this.bidding.place(bidder, {
        lotId,
        bidId: randomUUID(),
        amount,
        ...(maxAmount !== undefined ? { maxAmount } : {}),
      });

    const startsAt = wholeMinute(now + HOUR_MS, 5);
    const live = await this.sessions.create(broker, SEED_META, {
      title: DEMO_LIVE_SESSION_TITLE,
      format: 'live',
      depositAmount: 10_000_000,
      softCloseSeconds: 0,
      liveCountdownSeconds: 30,
      increments: DEMO_LADDER,
      startsAt: new Date(startsAt).toISOString(),
    });
    for (const [index, plan] of LIVE_LOTS.entries()) {
      const result = results[TIMED_LOTS.length + index];
      const opensAt = startsAt + plan.opensInMinutes * MINUTE_MS;
      await this.sessions.addLot(broker, SEED_META, live.id, {
        resultId: result.id,
        mode: result.mode,
        startingPrice: plan.startingPrice,
        opensAt: new Date(opensAt).toISOString(),
        // a live lot ends on the hammer; this bounds how long it may run
        closesAt: new Date(opensAt + 4 * HOUR_MS).toISOString(),
      });
    }
    return {
      sessions: 2,
      lots: TIMED_LOTS.length + LIVE_LOTS.length,
      bids: bids.length,
    };
  }

  /** The signed-in person behind a demo account, as the services take it. */
  private async actorOf(email: string): Promise<Actor | null> {
    const [row]: Array<{
      user_id: string;
      role: UserRole;
      organisation_id: string;
      type: OrganisationKind;
      verified: boolean;
    }> = await this.dataSource.query(
      `SELECT u.id AS user_id, u.role, o.id AS organisation_id, o.type, o.verified
         FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.email = $1`,
      [email],
    );
    if (row === undefined) return null;
    return {
      userId: row.user_id,
      organisationId: row.organisation_id,
      organisationType: row.type,
      organisationVerified: row.verified,
      role: row.role,
      sessionId: 'demo-seed',
      via: 'bearer',
    };
  }

  /**
   * `count` published results of the two demo institutes, new materials and advanced manufacturing
   * first, each institute's first choice among them, each with the mode its lot offers it in.
   */
  private async auctionableResults(
    count: number,
  ): Promise<Array<{ id: string; mode: TransactionMode }> | null> {
    const rows: Array<{ id: string; institute_id: string; transaction_modes: TransactionMode[] }> =
      await this.dataSource.query(
        `SELECT r.id, r.institute_id, r.transaction_modes FROM result r
           JOIN organisation o ON o.id = r.institute_id
          WHERE r.status = 'published' AND o.credit_code = ANY($1::text[])
            AND r.transaction_modes && $2::text[]
          ORDER BY (r.field IN ('materials', 'manufacturing')) DESC, r.published_at, r.id`,
        [
          DEMO_ORGANISATIONS.filter((organisation) => organisation.type === 'institute').map(
            (organisation) => organisation.creditCode,
          ),
          LOT_MODES,
        ],
      );
    // each institute's first choice, then the best of the rest, whoever owns it
    const firsts = rows.filter(
      (row, index) => rows.findIndex((other) => other.institute_id === row.institute_id) === index,
    );
    const seen = new Set<string>();
    const picked: Array<{ id: string; mode: TransactionMode }> = [];
    for (const row of [...firsts, ...rows]) {
      const mode = LOT_MODES.find((candidate) => row.transaction_modes.includes(candidate));
      if (picked.length === count || seen.has(row.id) || mode === undefined) continue;
      seen.add(row.id);
      picked.push({ id: row.id, mode });
    }
    return picked.length === count ? picked : null;
  }
}

/** The time rounded up to a whole `minutes` (ms). */
function wholeMinute(ms: number, minutes = 1): number {
  const unit = minutes * MINUTE_MS;
  return Math.ceil(ms / unit) * unit;
}
