namespace Raytio.Server.Hosting;

/// <summary>
/// A start-up check failed in a way the operator must fix (e.g. keys that cannot be decrypted
/// with the configured certificate); the message says what to do and is printed without a stack trace.
/// </summary>
public sealed class StartupException(string message, Exception? cause = null) : Exception(message, cause);
