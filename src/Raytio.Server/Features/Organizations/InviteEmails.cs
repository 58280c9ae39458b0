using System.Globalization;
using Raytio.Server.Providers.Email;

namespace Raytio.Server.Features.Organizations;

/// <summary>
/// The invitation emails. An address with an account accepts after signing in; an address
/// without one signs up with the code as `verification_code_org`. Only the invited address sees
/// which of the two it got: the inviter's answer is the same.
/// </summary>
public static class InviteEmails
{
    public static EmailMessage ToAccount(string to, string organization, string code, DateTime expiresAt) => new(
        to,
        $"You are invited to join {organization} on Raytio",
        $"""
        You have been invited to join the {organization} organization on Raytio.

        Your invitation code is: {code}

        Sign in to Raytio with this email address and accept the invitation with the code.
        The code expires on {Expiry(expiresAt)}.
        If you do not want to join, you can ignore this email.
        """);

    public static EmailMessage ToNewAddress(string to, string organization, string code, DateTime expiresAt) => new(
        to,
        $"You are invited to join {organization} on Raytio",
        $"""
        You have been invited to join the {organization} organization on Raytio.

        Your invitation code is: {code}

        Sign up to Raytio with this email address and give the code as your organization
        verification code (verification_code_org): you join the organization with your new account.
        The code expires on {Expiry(expiresAt)}.
        If you do not want to join, you can ignore this email.
        """);

    private static string Expiry(DateTime expiresAt) => expiresAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
