using System.Text.Json.Serialization;
namespace Raytio.Server.Features.Auth;

// Request bodies of operations 1-6. Every property is optional at the JSON level so that a
// missing field is answered by our validation with its name, not by the deserializer. A default
// value marks a field the operation does not always need: the OpenAPI schema lists it as optional.

public sealed record TokenRequest(
    string? GrantType, string? Username = null, string? Password = null, string? RefreshToken = null, string? ClientId = null, string? ClientSecret = null);

public sealed record SignupRequest(string? Username, string? Password, string? VerificationCodeOrg = null);

public sealed record VerifyRequest(string? Username, string? VerificationCode);

public sealed record PasswordResetRequest(string? Username);

public sealed record PasswordConfirmRequest(string? Username, string? VerificationCode, string? Password);

public sealed record PasswordChangeRequest(string? AccessToken, string? PasswordExisting, string? PasswordNew);

public sealed record MessageResponse(string Message);

/// <summary>Operation 1's answer; the client_credentials grant answers no refresh_token (the application signs in again with its secret).</summary>
public sealed record TokenResponse(
    string Message,
    string IdentityToken,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RefreshToken,
    string AccessToken,
    string TokenType,
    int ExpiresIn);
