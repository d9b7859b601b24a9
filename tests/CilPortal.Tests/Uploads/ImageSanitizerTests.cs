using System.Buffers.Binary;
using System.Text;
using CilPortal.Infrastructure.Uploads;
using SkiaSharp;

namespace CilPortal.Tests.Uploads;

/// <summary>Listing photos: real JPEG, PNG and WebP made here with Skia, and the files a person or a robot may send instead.</summary>
public class ImageSanitizerTests
{
    private readonly ImageSanitizer sanitizer = new();

    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Webp)]
    public void A_jpeg_png_or_webp_comes_back_as_a_new_jpeg_of_the_same_size_and_look(SKEncodedImageFormat format)
    {
        var upload = TwoColours(64, 48, format);

        var result = sanitizer.Sanitize(upload);

        Assert.True(result.Succeeded, result.Error);
        var image = result.Image!;
        Assert.Equal((64, 48, "image/jpeg", ".jpg"), (image.Width, image.Height, image.ContentType, image.Extension));
        Assert.Equal(SKEncodedImageFormat.Jpeg, ImageSanitizer.Sniff(image.Content));
        Assert.NotEqual(upload, image.Content);
        using var decoded = SKBitmap.Decode(image.Content);
        Assert.Equal((64, 48), (decoded.Width, decoded.Height));
        AssertClose(SKColors.Red, decoded.GetPixel(8, 24));
        AssertClose(SKColors.Blue, decoded.GetPixel(56, 24));
    }

    [Fact]
    public void The_content_decides_never_the_name_a_text_file_called_jpg_is_refused_and_a_png_called_txt_is_accepted()
    {
        // The sanitiser is given bytes only: what a file is called, or the type the browser declares, cannot matter.
        var textCalledJpg = Encoding.UTF8.GetBytes("photo.jpg : ceci est un texte, pas une photo.\n");
        var pngCalledTxt = TwoColours(20, 10, SKEncodedImageFormat.Png);
        var gif = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
        var html = Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>");

        Assert.Equal(ImageSanitizer.NotAnImage, sanitizer.Sanitize(textCalledJpg).Error);
        Assert.True(sanitizer.Sanitize(pngCalledTxt).Succeeded);
        Assert.Equal(ImageSanitizer.NotAnImage, sanitizer.Sanitize(gif).Error);
        Assert.Equal(ImageSanitizer.NotAnImage, sanitizer.Sanitize(html).Error);
        Assert.Equal(ImageSanitizer.Empty, sanitizer.Sanitize([]).Error);
        Assert.Equal("Ce fichier n'est pas une image JPEG, PNG ou WebP.", ImageSanitizer.NotAnImage);
    }

    [Fact]
    public async Task A_file_over_5_mb_is_refused_before_being_read_further()
    {
        var oversized = new byte[(5 * 1024 * 1024) + 1];
        TwoColours(8, 8, SKEncodedImageFormat.Jpeg).CopyTo(oversized, 0);
        var stream = new CountingStream(new byte[50 * 1024 * 1024]);

        Assert.Equal("L'image dépasse 5 Mo.", sanitizer.Sanitize(oversized).Error);
        Assert.Equal("L'image dépasse 5 Mo.", (await sanitizer.SanitizeAsync(stream)).Error);
        Assert.InRange(stream.Position, (5 * 1024 * 1024) + 1, 6 * 1024 * 1024);
    }

    [Fact]
    public void Exif_gps_and_comments_are_gone_and_the_orientation_is_applied()
    {
        // 40 × 20, red left and blue right, EXIF orientation 6 (turn 90° clockwise to show), a GPS position and a comment.
        var photo = WithExifGpsAndComment(TwoColours(40, 20, SKEncodedImageFormat.Jpeg), orientation: 6);
        Assert.Contains("Exif", Encoding.ASCII.GetString(photo), StringComparison.Ordinal);

        var result = sanitizer.Sanitize(photo);

        Assert.True(result.Succeeded, result.Error);
        var output = result.Image!.Content;
        var text = Encoding.ASCII.GetString(output);
        Assert.DoesNotContain("Exif", text, StringComparison.Ordinal);
        Assert.DoesNotContain("12 rue des Lilas", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Markers(output), m => m is 0xE1 or 0xFE);
        Assert.Equal((20, 40), (result.Image.Width, result.Image.Height));
        using var codec = SKCodec.Create(new MemoryStream(output));
        Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
        using var decoded = SKBitmap.Decode(output);
        AssertClose(SKColors.Red, decoded.GetPixel(10, 5));
        AssertClose(SKColors.Blue, decoded.GetPixel(10, 35));
    }

    [Fact]
    public void A_big_photo_is_made_to_fit_1600_pixels_on_its_long_side()
    {
        var result = sanitizer.Sanitize(TwoColours(3200, 1200, SKEncodedImageFormat.Jpeg));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((1600, 600), (result.Image!.Width, result.Image.Height));
        using var decoded = SKBitmap.Decode(result.Image.Content);
        Assert.Equal((1600, 600), (decoded.Width, decoded.Height));
        AssertClose(SKColors.Red, decoded.GetPixel(200, 300));
        AssertClose(SKColors.Blue, decoded.GetPixel(1400, 300));
    }

    [Fact]
    public void Transparency_becomes_white()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(10, 10, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        bitmap.Erase(SKColors.Transparent);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);

        var result = sanitizer.Sanitize(data.ToArray());

        using var decoded = SKBitmap.Decode(result.Image!.Content);
        AssertClose(SKColors.White, decoded.GetPixel(5, 5));
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Webp)]
    public void A_truncated_image_is_refused(SKEncodedImageFormat format)
    {
        var whole = TwoColours(200, 150, format, noisy: true);

        var result = sanitizer.Sanitize(whole[..(whole.Length / 2)]);

        Assert.Equal(ImageSanitizer.Damaged, result.Error);
    }

    [Fact]
    public void Decompression_bombs_are_refused_from_their_header_before_any_pixel_is_decoded()
    {
        // Small files that declare huge pictures: a PNG of 10,000 × 10,000 and a JPEG of 65,000 × 65,000.
        var png = WithPngSize(TwoColours(4, 4, SKEncodedImageFormat.Png), 10_000, 10_000);
        var jpeg = WithJpegSize(TwoColours(16, 16, SKEncodedImageFormat.Jpeg), 65_000, 65_000);

        Assert.Equal("L'image dépasse 40 mégapixels : réduisez-la avant de l'envoyer.", sanitizer.Sanitize(png).Error);
        Assert.Equal("L'image dépasse 40 mégapixels : réduisez-la avant de l'envoyer.", sanitizer.Sanitize(jpeg).Error);
        Assert.True(png.Length < 1000 && jpeg.Length < 5000);
    }

    [Fact]
    public void Data_hidden_after_the_image_does_not_survive()
    {
        var polyglot = TwoColours(30, 30, SKEncodedImageFormat.Jpeg).Concat(Encoding.ASCII.GetBytes("PK\u0003\u0004 archive cachée <script>")).ToArray();

        var result = sanitizer.Sanitize(polyglot);

        Assert.True(result.Succeeded, result.Error);
        Assert.DoesNotContain("archive", Encoding.ASCII.GetString(result.Image!.Content), StringComparison.Ordinal);
    }

    [Fact]
    public void WebP_can_be_chosen_as_the_output()
    {
        var result = new ImageSanitizer(new ImageSanitizerOptions { OutputFormat = SanitizedImageFormat.Webp }).Sanitize(TwoColours(32, 32, SKEncodedImageFormat.Png));

        Assert.Equal(("image/webp", ".webp", SKEncodedImageFormat.Webp), (result.Image!.ContentType, result.Image.Extension, ImageSanitizer.Sniff(result.Image.Content)));
    }

    private static byte[] TwoColours(int width, int height, SKEncodedImageFormat format, bool noisy = false)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Red);
            using var blue = new SKPaint { Color = SKColors.Blue };
            canvas.DrawRect(width / 2f, 0, width / 2f, height, blue);
        }

        if (noisy)
        {
            // Detail that compresses badly, so that half of the file is half of the picture.
            var random = new Random(7);
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
                }
            }
        }

        using var data = bitmap.Encode(format, 95);
        return data.ToArray();
    }

    private static void AssertClose(SKColor expected, SKColor actual)
    {
        Assert.True(
            Math.Abs(expected.Red - actual.Red) < 40 && Math.Abs(expected.Green - actual.Green) < 40 && Math.Abs(expected.Blue - actual.Blue) < 40,
            $"Expected about {expected}, got {actual}.");
    }

    /// <summary>Inserts after SOI an EXIF APP1 segment (orientation and a GPS latitude) and a comment naming an address.</summary>
    private static byte[] WithExifGpsAndComment(byte[] jpeg, ushort orientation)
    {
        var tiff = new List<byte>();
        void U16(int v) => tiff.AddRange(BitConverter.GetBytes((ushort)v));
        void U32(int v) => tiff.AddRange(BitConverter.GetBytes((uint)v));
        tiff.AddRange("II"u8.ToArray());
        U16(42);
        U32(8);

        // IFD0 at 8: Orientation, GPSInfo pointer.
        U16(2);
        U16(0x0112); U16(3); U32(1); U16(orientation); U16(0);
        U16(0x8825); U16(4); U32(1); U32(38);
        U32(0);

        // GPS IFD at 38: latitude reference and latitude (rationals at 68).
        U16(2);
        U16(0x0001); U16(2); U32(2); tiff.AddRange("N\0\0\0"u8.ToArray());
        U16(0x0002); U16(5); U32(3); U32(68);
        U32(0);
        foreach (var (numerator, denominator) in new[] { (43, 1), (11, 1), (2345, 100) })
        {
            U32(numerator);
            U32(denominator);
        }

        var exif = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var comment = Encoding.ASCII.GetBytes("Photo prise au 12 rue des Lilas");
        var segments = new List<byte>();
        segments.AddRange(Segment(0xE1, exif));
        segments.AddRange(Segment(0xFE, comment));
        return [.. jpeg[..2], .. segments, .. jpeg[2..]];
    }

    private static byte[] Segment(byte marker, byte[] payload)
    {
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)(payload.Length + 2));
        return [0xFF, marker, .. length, .. payload];
    }

    /// <summary>The markers of the segments before the image data.</summary>
    private static List<byte> Markers(byte[] jpeg)
    {
        var markers = new List<byte>();
        var i = 2;
        while (i + 4 <= jpeg.Length && jpeg[i] == 0xFF)
        {
            var marker = jpeg[i + 1];
            markers.Add(marker);
            if (marker == 0xDA)
            {
                break;
            }

            i += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(i + 2));
        }

        return markers;
    }

    private static byte[] WithJpegSize(byte[] jpeg, ushort width, ushort height)
    {
        var copy = jpeg.ToArray();
        for (var i = 2; i + 9 < copy.Length; i++)
        {
            if (copy[i] == 0xFF && copy[i + 1] is 0xC0 or 0xC2)
            {
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(i + 5), height);
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(i + 7), width);
                return copy;
            }
        }

        throw new InvalidOperationException("No SOF marker.");
    }

    /// <summary>Rewrites the IHDR size of a PNG, with its CRC, so that libpng reads the header as valid.</summary>
    private static byte[] WithPngSize(byte[] png, int width, int height)
    {
        var copy = png.ToArray();
        BinaryPrimitives.WriteInt32BigEndian(copy.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(copy.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(29), Crc32(copy.AsSpan(12, 17)));
        return copy;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    private sealed class CountingStream(byte[] content) : MemoryStream(content);
}
