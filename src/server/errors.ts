// Errors a user can cause carry a message meant for them; anything else is logged and replaced by
// a generic message so no internal detail reaches a browser.

export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fieldErrors?: Record<string, string[]>,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export class AuthError extends AppError {
  constructor(message = "Vui lòng đăng nhập để tiếp tục.") {
    super(message, 401);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "Bạn không có quyền thực hiện thao tác này.") {
    super(message, 403);
  }
}

export class NotFoundError extends AppError {
  constructor(message = "Không tìm thấy dữ liệu yêu cầu.") {
    super(message, 404);
  }
}

export class ValidationError extends AppError {
  constructor(fieldErrors: Record<string, string[]>, message = "Dữ liệu chưa hợp lệ. Vui lòng sửa các ô được đánh dấu.") {
    super(message, 400, fieldErrors);
  }
}

/** Someone else saved the item first; `details` carries their value so it can be shown. */
export class ConflictError extends AppError {
  constructor(message: string, fieldErrors?: Record<string, string[]>, details?: unknown) {
    super(message, 409, fieldErrors, details);
  }
}

export const GENERIC_ERROR = "Đã có lỗi xảy ra. Vui lòng thử lại sau.";
