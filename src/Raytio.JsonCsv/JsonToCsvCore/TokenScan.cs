namespace Raytio.JsonCsv.JsonToCsvCore;

/// <summary>How a token-level pass over one document ended.</summary>
internal enum TokenScan
{
    Done,
    NeedMoreData,

    /// <summary>The document needs the general tree-based path; the caller rewinds the reader and uses it.</summary>
    UseTree,
}
