using Raytio.Server.Providers.Email;

namespace Raytio.Server.Features.Auth;

/// <summary>The texts of the emails the server sends.</summary>
public static class AuthEmails
{
    public static EmailMessage Verification(string to, string code) => new(
        to,
        "Your Raytio verification code",
        $"""
        Welcome to Raytio.

        Your verification code is: {code}

        Enter it to confirm your email address. The code expires in 24 hours.
        If you did not sign up, you can ignore this email.
        """);

    public static EmailMessage PasswordReset(string to, string code) => new(
        to,
        "Your Raytio password reset code",
        $"""
        A password reset was requested for your Raytio account.

        Your reset code is: {code}

        Enter it with your new password. The code expires in 24 hours.
        Until the new password is confirmed you cannot sign in with the old one.
        If you did not ask for this, reset your password anyway: someone knows your username.
        """);

    public static EmailMessage AlreadyRegistered(string to) => new(
        to,
        "Someone tried to sign up with your email address",
        """
        Someone tried to create a Raytio account with this email address, which already has one.

        If it was you, sign in instead, or reset your password if you have forgotten it.
        If it was not you, you can ignore this email: nothing has changed.
        """);

    public static EmailMessage NoAccount(string to) => new(
        to,
        "Password reset requested for an address without an account",
        """
        Someone asked to reset the Raytio password of this email address, but no Raytio account uses it.

        If it was you, you may have signed up with another address.
        If it was not you, you can ignore this email: nothing has changed.
        """);
}
