using System.Security.Cryptography;

namespace Raytio.Server.Features.Billing.Embedded;

/// <summary>Ids as Stripe's look: a type prefix and random base-62 characters.</summary>
public static class StripeIds
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New(string prefix, int length = 24) => prefix + RandomNumberGenerator.GetString(Alphabet, length);
}
