using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.Email;

namespace Raytio.Server.Features.Auth;

/// <summary>
/// Signup, email verification and password reset (operations 2-5). Answers never depend on
/// whether the username exists, and neither does the work: signup hashes the password on every
/// path and reset writes one email on every path, each in one save, and emails leave through
/// the outbox after the request. Signup with an organisation's invitation code checks the code
/// before looking up the account and takes the organisation's lock on every path.
/// </summary>
public sealed class AccountService(
    RaytioDbContext db,
    PasswordService passwords,
    OneTimeCodes codes,
    Throttle throttle,
    EmailOutbox email,
    RefreshTokenService refreshTokens,
    SecurityStampCache stamps,
    TimeProvider time,
    AuditTrail audit,
    ISignupInvitations invitations,
    IOptions<ThrottleOptions> throttleOptions)
{
    private ThrottleOptions Limits => throttleOptions.Value;

    public async Task<string> SignupAsync(SignupRequest request, HttpContext http, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var username = Usernames.Check(validation, request.Username);
        PasswordService.CheckRules(validation, "password", request.Password, username);
        validation.ThrowIfAny();
        await EnsureEmailAllowedAsync(username, http, cancellationToken);
        var invitation = string.IsNullOrWhiteSpace(request.VerificationCodeOrg)
            ? null
            : await invitations.FindAsync(request.VerificationCodeOrg, username, http, cancellationToken);

        // Hashed before any lookup, whoever the username belongs to (and outside any transaction).
        var passwordHash = await passwords.HashAsync(request.Password!, cancellationToken);
        var existing = await db.Users.FirstOrDefaultAsync(u => u.Email == username, cancellationToken);
        Guid? joining;
        if (existing is null)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var user = new User { Id = Guid.NewGuid(), Email = username, PasswordHash = passwordHash, Status = UserStatus.Unconfirmed, CreatedAt = now, UpdatedAt = now };
            db.Users.Add(user);
            email.Enqueue(AuthEmails.Verification(username, await codes.IssueAsync(user.Id, CodePurpose.Signup, cancellationToken)));
            joining = user.Id;
        }
        else
        {
            // A repeated signup of an unconfirmed account re-sends a fresh code; the password stays.
            email.Enqueue(existing.Status == UserStatus.Unconfirmed
                ? AuthEmails.Verification(username, await codes.IssueAsync(existing.Id, CodePurpose.Signup, cancellationToken))
                : AuthEmails.AlreadyRegistered(username));
            // A confirmed account accepts the invitation after signing in, so the code is not consumed here.
            joining = existing.Status == UserStatus.Unconfirmed ? existing.Id : null;
        }
        await SaveSignupAsync(invitation, joining, cancellationToken);
        return $"User {username} has been created and an email with a verification code has been sent to the email address. Please confirm the verification code to complete the registration process.";
    }

    public async Task<string> VerifyAsync(VerifyRequest request, HttpContext http, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var username = Usernames.Check(validation, request.Username);
        validation.Required("verification_code", request.VerificationCode).ThrowIfAny();
        var counters = FailureCounters.For("code", username, http, Limits);
        await throttle.EnsureAllowedAsync(counters, cancellationToken);

        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == username, cancellationToken);
        if (user is not null && user.Status == UserStatus.Unconfirmed
            && await codes.ConsumeAsync(user.Id, CodePurpose.Signup, request.VerificationCode!, cancellationToken))
        {
            user.Status = UserStatus.Confirmed;
            user.UpdatedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            await throttle.ResetAsync(FailureCounters.PairKey(counters), cancellationToken);
            return $"User {username} is verified.";
        }

        await throttle.RecordAsync(counters.Select(c => c.Key), cancellationToken);
        if (user is not null && user.Status == UserStatus.Unconfirmed)
        {
            // As the reference says: a wrong (or expired) code issues and emails a new one.
            email.Enqueue(AuthEmails.Verification(username, await codes.IssueAsync(user.Id, CodePurpose.Signup, cancellationToken)));
            await db.SaveChangesAsync(cancellationToken);
        }
        throw ApiException.BadRequest("invalid_code",
            "The verification code is incorrect or has expired. A new code has been sent to the email address.");
    }

    public async Task<string> RequestPasswordResetAsync(PasswordResetRequest request, HttpContext http, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var username = Usernames.Check(validation, request.Username);
        validation.ThrowIfAny();
        await EnsureEmailAllowedAsync(username, http, cancellationToken);

        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == username, cancellationToken);
        if (user is not null)
        {
            user.Status = UserStatus.ResetRequired;
            user.UpdatedAt = time.GetUtcNow().UtcDateTime;
            email.Enqueue(AuthEmails.PasswordReset(username, await codes.IssueAsync(user.Id, CodePurpose.PasswordReset, cancellationToken)));
        }
        else
        {
            // The address's owner learns no account uses it; the caller learns nothing.
            email.Enqueue(AuthEmails.NoAccount(username));
        }
        await db.SaveChangesAsync(cancellationToken);
        return $"Password for {username} has been reset and an email with a verification code has been sent to the email address. Please confirm the verification code to reset the password.";
    }

    public async Task<string> ConfirmPasswordResetAsync(PasswordConfirmRequest request, HttpContext http, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var username = Usernames.Check(validation, request.Username);
        validation.Required("verification_code", request.VerificationCode);
        PasswordService.CheckRules(validation, "password", request.Password, username);
        validation.ThrowIfAny();
        var counters = FailureCounters.For("code", username, http, Limits);
        await throttle.EnsureAllowedAsync(counters, cancellationToken);

        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == username, cancellationToken);
        if (user is null || !await codes.ConsumeAsync(user.Id, CodePurpose.PasswordReset, request.VerificationCode!, cancellationToken))
        {
            await throttle.RecordAsync(counters.Select(c => c.Key), cancellationToken);
            throw ApiException.BadRequest("invalid_code", "The verification code is incorrect or has expired.");
        }

        var passwordHash = await passwords.HashAsync(request.Password!, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.PasswordHash = passwordHash;
        // The code reached the user's mailbox, which also proves the address.
        user.Status = UserStatus.Confirmed;
        user.UpdatedAt = time.GetUtcNow().UtcDateTime;
        user.SecurityStamp = Guid.NewGuid();
        audit.Record(AuditEventTypes.PasswordChange, user.Id, user.Id, new JsonObject { ["method"] = "reset" });
        await db.SaveChangesAsync(cancellationToken);
        await refreshTokens.RevokeAllForUserAsync(user.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        stamps.Remember(user);
        await throttle.ResetAsync(FailureCounters.PairKey(counters), cancellationToken);
        return $"Password for {username} has been reset.";
    }

    /// <summary>One save; with an invitation, one transaction that also joins the organisation (see <see cref="ISignupInvitations.JoinAsync"/>).</summary>
    private async Task SaveSignupAsync(SignupInvitation? invitation, Guid? joining, CancellationToken cancellationToken)
    {
        // Opened after the code was issued: its first HMAC stores the secret through a connection of its own.
        await using var transaction = invitation is null ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            if (invitation is not null)
            {
                await invitations.JoinAsync(invitation, joining, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateException raced) when (raced.IsUniqueViolation())
        {
            // Two signups for one address raced; the other one won.
            throw new ApiException(StatusCodes.Status409Conflict, "signup_in_progress", "A signup for this username is already in progress. Try again.");
        }
    }

    private async Task EnsureEmailAllowedAsync(string username, HttpContext http, CancellationToken cancellationToken)
    {
        Throttle.Counter[] counters =
        [
            new(Throttle.Account("email", username), Limits.EmailsPerAccount, GrowingDelay: false),
            new(Throttle.Client("email", http), Limits.EmailsPerClient, GrowingDelay: false),
        ];
        await throttle.EnsureAllowedAsync(counters, cancellationToken);
        await throttle.RecordAsync(counters.Select(c => c.Key), cancellationToken);
    }
}
