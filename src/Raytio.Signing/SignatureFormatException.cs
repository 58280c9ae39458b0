namespace Raytio.Signing;

/// <summary>The signature text is not base64: the request is malformed, as opposed to a signature that does not verify.</summary>
public sealed class SignatureFormatException : FormatException
{
    public SignatureFormatException(string message)
        : base(message)
    {
    }
}
