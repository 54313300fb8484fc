export { formatMediumDateTime as formatDateTime } from '../../../lib/dates';
