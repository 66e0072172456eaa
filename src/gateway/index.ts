export { startGateway, type GatewayOptions, type RunningGateway } from './gateway.js';
export { runGatewayCommand } from './command.js';
export { changeNotices, installChangeNotices, type ChangeNotices } from './change-notices.js';
