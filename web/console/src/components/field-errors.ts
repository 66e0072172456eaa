export { errorFor, isFieldError, splitFieldError, type FieldError } from '@portcullis/web-shared';
