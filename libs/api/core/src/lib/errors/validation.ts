import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppException } from './app.exception';

function firstProblem(errors: ValidationError[], path = ''): string {
  for (const error of errors) {
    const at = path === '' ? error.property : `${path}.${error.property}`;
    const constraint = Object.values(error.constraints ?? {})[0];
    if (constraint !== undefined) {
      // class-validator names the bare property; name the whole path to it instead
      if (constraint.startsWith(`property ${error.property} `))
        return `property ${at}${constraint.slice(`property ${error.property}`.length)}`;
      if (constraint.startsWith(`${error.property} `))
        return `${at}${constraint.slice(error.property.length)}`;
      return `${at}: ${constraint}`;
    }
    const nested = firstProblem(error.children ?? [], at);
    if (nested !== '') return nested;
  }
  return '';
}

/** Turns class-validator failures into one INVALID_INPUT refusal naming the first bad field. */
export function invalidInput(errors: ValidationError[]): AppException {
  return new AppException('INVALID_INPUT', firstProblem(errors) || 'Invalid input');
}

/**
 * The one validation pipe of the api, used globally for HTTP and by the gateways for socket
 * messages: unknown fields are refused, known ones are transformed to their declared types.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    exceptionFactory: invalidInput,
  });
}
