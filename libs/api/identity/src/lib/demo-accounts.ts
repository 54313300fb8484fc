import type { OrganisationType } from '@kepai/contracts';
import { withCheckCharacter } from './credit-code';

/** One password for every demo account; printed at start and listed in the README. */
export const DEMO_PASSWORD = 'Kepai-Demo-2026';

export interface DemoOrganisation {
  key: string;
  type: OrganisationType;
  name: string;
  creditCode: string;
  region: string;
  verified: boolean;
  users: Array<{ email: string; displayName: string; role: 'owner' | 'member' }>;
}

/** Fictional organisations, one or two of each kind, with valid credit codes. */
export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    key: 'institute',
    type: 'institute',
    name: '东海理工大学技术转移中心',
    creditCode: withCheckCharacter('12330000MB0A10001'),
    region: '浙江省杭州市',
    verified: true,
    users: [
      { email: 'institute@demo.kepai.cn', displayName: '陈教授 (成果负责人)', role: 'owner' },
      { email: 'researcher@demo.kepai.cn', displayName: '林博士 (课题组)', role: 'member' },
    ],
  },
  {
    key: 'lab',
    type: 'institute',
    name: '华中新材料研究所',
    creditCode: withCheckCharacter('12420000MB0B20002'),
    region: '湖北省武汉市',
    verified: true,
    users: [{ email: 'lab@demo.kepai.cn', displayName: '周研究员', role: 'owner' }],
  },
  {
    key: 'enterprise',
    type: 'enterprise',
    name: '杭州明湖智能装备有限公司',
    creditCode: withCheckCharacter('91330100MA2C30003'),
    region: '浙江省杭州市',
    verified: true,
    users: [
      { email: 'enterprise@demo.kepai.cn', displayName: '王总 (技术总监)', role: 'owner' },
      { email: 'buyer@demo.kepai.cn', displayName: '李经理 (采购)', role: 'member' },
    ],
  },
  {
    key: 'energy',
    type: 'enterprise',
    name: '深圳前海新能源科技有限公司',
    creditCode: withCheckCharacter('91440300MA5F60006'),
    region: '广东省深圳市',
    verified: true,
    users: [{ email: 'bidder@demo.kepai.cn', displayName: '黄总 (投资总监)', role: 'owner' }],
  },
  {
    key: 'startup',
    type: 'enterprise',
    name: '苏州启源生物科技有限公司',
    creditCode: withCheckCharacter('91320500MA1D40004'),
    region: '江苏省苏州市',
    verified: false,
    users: [{ email: 'startup@demo.kepai.cn', displayName: '赵创始人', role: 'owner' }],
  },
  {
    key: 'broker',
    type: 'brokerage',
    name: '长三角科技成果转化服务中心',
    creditCode: withCheckCharacter('52310000MJ5E50005'),
    region: '上海市',
    verified: true,
    users: [{ email: 'broker@demo.kepai.cn', displayName: '孙经纪人', role: 'owner' }],
  },
];

export const DEMO_ADMIN = { email: 'admin@demo.kepai.cn', displayName: '平台管理员 (演示)' };
