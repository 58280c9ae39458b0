namespace Raytio.Server.Providers.DocumentRegisters;

/// <summary>What the register says of the document it found (or that it found none).</summary>
public enum RecordStatus
{
    /// <summary>A current document: its details can be relied on.</summary>
    Current,

    /// <summary>Past its expiry date.</summary>
    Expired,

    /// <summary>A passport reported lost or stolen, or replaced.</summary>
    Cancelled,

    /// <summary>A driver licence suspended, revoked or disqualified.</summary>
    Suspended,

    /// <summary>The register holds no document with that number.</summary>
    NotFound,
}

public static class RecordStatusNames
{
    /// <summary>The status as verification metadata and documents spell it: `current`, `not_found`, ...</summary>
    public static string Wire(this RecordStatus status) => status switch
    {
        RecordStatus.Current => "current",
        RecordStatus.Expired => "expired",
        RecordStatus.Cancelled => "cancelled",
        RecordStatus.Suspended => "suspended",
        _ => "not_found",
    };
}
