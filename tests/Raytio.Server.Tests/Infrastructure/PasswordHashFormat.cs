using System.Buffers.Binary;

namespace Raytio.Server.Tests.Infrastructure;

/// <summary>Reads the parameters out of an ASP.NET Core Identity V3 password hash.</summary>
public static class PasswordHashFormat
{
    // V3 layout: 0x01 | prf (uint32 BE) | iterations (uint32 BE) | salt length (uint32 BE) | salt | subkey
    public static int Iterations(string hash) => (int)BinaryPrimitives.ReadUInt32BigEndian(Convert.FromBase64String(hash).AsSpan(5, 4));

    public static int Prf(string hash) => (int)BinaryPrimitives.ReadUInt32BigEndian(Convert.FromBase64String(hash).AsSpan(1, 4));
}
