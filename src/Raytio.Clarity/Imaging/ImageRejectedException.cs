namespace Raytio.Clarity.Imaging;

/// <summary>An upload that is refused before or while decoding; the message says why and may be shown to the caller.</summary>
public abstract class ImageRejectedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Not a JPEG, PNG, TIFF or PDF, or a damaged one: the server answers 400.</summary>
public sealed class UnreadableImageException(string message, Exception? inner = null) : ImageRejectedException(message, inner);

/// <summary>Over the byte, dimension or pixel-area limits: the server answers 413.</summary>
public sealed class ImageTooLargeException(string message) : ImageRejectedException(message);
