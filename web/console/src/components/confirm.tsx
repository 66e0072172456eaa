export { ConfirmDialog } from '@portcullis/web-shared';
