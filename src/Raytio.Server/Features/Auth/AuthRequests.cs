namespace Raytio.Server.Features.Auth;

// Request bodies of operations 1-6. Every property is optional at the JSON level so that a
// missing field is answered by our validation with its name, not by the deserializer.

public sealed record TokenRequest(string? GrantType, string? Username, string? Password, string? RefreshToken);

public sealed record SignupRequest(string? Username, string? Password, string? VerificationCodeOrg);

public sealed record VerifyRequest(string? Username, string? VerificationCode);

public sealed record PasswordResetRequest(string? Username);

public sealed record PasswordConfirmRequest(string? Username, string? VerificationCode, string? Password);

public sealed record PasswordChangeRequest(string? AccessToken, string? PasswordExisting, string? PasswordNew);

public sealed record MessageResponse(string Message);

public sealed record TokenResponse(string Message, string IdentityToken, string RefreshToken, string AccessToken, string TokenType, int ExpiresIn);
