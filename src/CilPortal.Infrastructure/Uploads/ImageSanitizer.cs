using System.Globalization;
using SkiaSharp;

namespace CilPortal.Infrastructure.Uploads;

/// <summary>The format the sanitiser writes.</summary>
public enum SanitizedImageFormat
{
    Jpeg,
    Webp,
}

/// <summary>Limits and output of <see cref="ImageSanitizer"/>.</summary>
public sealed class ImageSanitizerOptions
{
    /// <summary>The largest file accepted, in bytes (5 MB).</summary>
    public long MaxInputBytes { get; set; } = 5L * 1024 * 1024;

    /// <summary>The most pixels an image may declare (width × height), checked before decoding: decompression bombs stop here.</summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>The long side of the output, in pixels; smaller images keep their size.</summary>
    public int MaxLongSide { get; set; } = 1600;

    public SanitizedImageFormat OutputFormat { get; set; } = SanitizedImageFormat.Jpeg;

    /// <summary>Encoder quality, 1 to 100.</summary>
    public int Quality { get; set; } = 82;
}

/// <summary>A re-encoded image: new pixels only, no metadata from the upload.</summary>
public sealed record SanitizedImage(byte[] Content, int Width, int Height, string ContentType)
{
    /// <summary>The file extension that goes with the content type, dot included.</summary>
    public string Extension => ContentType == "image/webp" ? ".webp" : ".jpg";
}

/// <summary>Either an image or a French message for the person who sent the file.</summary>
public sealed record ImageSanitizerResult(SanitizedImage? Image, string? Error)
{
    public bool Succeeded => Image is not null;
}

/// <summary>
/// Makes an uploaded photo safe to store and show: accepts JPEG, PNG or WebP recognised by their content (magic bytes,
/// then a complete decode by Skia; the file name and declared content type are never read), at most
/// <see cref="ImageSanitizerOptions.MaxInputBytes"/> and <see cref="ImageSanitizerOptions.MaxPixels"/> (checked from the
/// header, before any pixel is decoded), applies the EXIF orientation, fits the long side in
/// <see cref="ImageSanitizerOptions.MaxLongSide"/>, flattens transparency on white and re-encodes to JPEG (or WebP) from the
/// pixels alone: EXIF (GPS position, camera, dates), XMP, comments and any trailing data are left behind. Stateless and
/// thread-safe.
/// </summary>
public sealed class ImageSanitizer(ImageSanitizerOptions? options = null)
{
    public const string NotAnImage = "Ce fichier n'est pas une image JPEG, PNG ou WebP.";
    public const string Empty = "Le fichier est vide.";
    public const string Damaged = "L'image est incomplète ou abîmée : enregistrez-la de nouveau, puis réessayez.";

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly ImageSanitizerOptions settings = options ?? new ImageSanitizerOptions();

    public string TooLarge => string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"L'image dépasse {settings.MaxInputBytes / (1024.0 * 1024):0.#} Mo.");

    public string TooManyPixels => string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"L'image dépasse {settings.MaxPixels / 1_000_000.0:0.#} mégapixels : réduisez-la avant de l'envoyer.");

    /// <summary>Reads at most one byte more than the limit from the stream, then sanitises what it read.</summary>
    public async Task<ImageSanitizerResult> SanitizeAsync(Stream input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > settings.MaxInputBytes)
            {
                return new ImageSanitizerResult(null, TooLarge);
            }
        }

        return Sanitize(buffer.ToArray());
    }

    public ImageSanitizerResult Sanitize(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
        {
            return Fail(Empty);
        }

        if (content.LongLength > settings.MaxInputBytes)
        {
            return Fail(TooLarge);
        }

        if (Sniff(content) is not { } format)
        {
            return Fail(NotAnImage);
        }

        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            // Right magic bytes, but no header Skia can read: a truncated or forged file.
            return Fail(Damaged);
        }

        if (codec.EncodedFormat != format)
        {
            return Fail(NotAnImage);
        }

        var width = codec.Info.Width;
        var height = codec.Info.Height;
        if (width <= 0 || height <= 0)
        {
            return Fail(Damaged);
        }

        if ((long)width * height > settings.MaxPixels)
        {
            return Fail(TooManyPixels);
        }

        var origin = codec.EncodedOrigin;
        var swapsSides = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var ratio = Math.Min(1.0, settings.MaxLongSide / (double)Math.Max(width, height));

        // Output size in the upload's own orientation, then as shown.
        var outWidth = Math.Max(1, (int)Math.Round(width * ratio));
        var outHeight = Math.Max(1, (int)Math.Round(height * ratio));

        using var decoded = Decode(codec, outWidth, outHeight);
        if (decoded is null)
        {
            return Fail(Damaged);
        }

        var (shownWidth, shownHeight) = swapsSides ? (outHeight, outWidth) : (outWidth, outHeight);
        using var target = new SKBitmap(new SKImageInfo(shownWidth, shownHeight, SKColorType.Rgba8888, SKAlphaType.Opaque, SKColorSpace.CreateSrgb()));
        using (var canvas = new SKCanvas(target))
        using (var source = SKImage.FromBitmap(decoded))
        {
            canvas.Clear(SKColors.White);
            canvas.SetMatrix(Orientation(origin, outWidth, outHeight).PreConcat(SKMatrix.CreateScale(outWidth / (float)decoded.Width, outHeight / (float)decoded.Height)));
            using var paint = new SKPaint { IsAntialias = true };
            canvas.DrawImage(source, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), paint);
        }

        using var image = SKImage.FromBitmap(target);
        var quality = Math.Clamp(settings.Quality, 1, 100);
        using var encoded = settings.OutputFormat == SanitizedImageFormat.Webp
            ? image.Encode(SKEncodedImageFormat.Webp, quality)
            : image.Encode(SKEncodedImageFormat.Jpeg, quality);
        if (encoded is null)
        {
            return Fail(Damaged);
        }

        var contentType = settings.OutputFormat == SanitizedImageFormat.Webp ? "image/webp" : "image/jpeg";
        return new ImageSanitizerResult(new SanitizedImage(encoded.ToArray(), shownWidth, shownHeight, contentType), null);
    }

    /// <summary>The format told by the first bytes: JPEG <c>FF D8 FF</c>, PNG's 8-byte signature, WebP <c>RIFF····WEBP</c>.</summary>
    public static SKEncodedImageFormat? Sniff(ReadOnlySpan<byte> content)
    {
        if (content.Length >= 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF)
        {
            return SKEncodedImageFormat.Jpeg;
        }

        if (content.StartsWith(PngSignature))
        {
            return SKEncodedImageFormat.Png;
        }

        if (content.Length >= 12 && content[..4].SequenceEqual("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8))
        {
            return SKEncodedImageFormat.Webp;
        }

        return null;
    }

    private static ImageSanitizerResult Fail(string error) => new(null, error);

    /// <summary>
    /// Decodes every pixel, at a size the codec can produce cheaply (JPEG and WebP scale while decoding) that is still at least
    /// the output size; null when the data is incomplete or corrupt.
    /// </summary>
    private static SKBitmap? Decode(SKCodec codec, int outWidth, int outHeight)
    {
        var full = codec.Info.Size;
        var size = codec.GetScaledDimensions(Math.Min(1f, 2f * outWidth / full.Width));
        if (size.Width < outWidth || size.Height < outHeight || size.Width > full.Width || size.Height > full.Height)
        {
            size = full;
        }

        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap();
        if (!bitmap.TryAllocPixels(info))
        {
            bitmap.Dispose();
            return null;
        }

        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            return null;
        }

        return bitmap;
    }

    /// <summary>The transform that shows pixels of a <paramref name="width"/> × <paramref name="height"/> image as its EXIF origin says.</summary>
    private static SKMatrix Orientation(SKEncodedOrigin origin, int width, int height) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, width, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, width, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, height, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, height, -1, 0, width, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, width, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
