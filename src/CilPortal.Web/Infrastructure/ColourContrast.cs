using System.Globalization;
using Microsoft.Extensions.Options;

namespace CilPortal.Web.Infrastructure;

/// <summary>WCAG 2 contrast ratio between two #rrggbb colours.</summary>
public static class ColourContrast
{
    public const double TextMinimum = 4.5;
    public const double GraphicMinimum = 3.0;

    public static double Ratio(string foreground, string background)
    {
        var l1 = Luminance(foreground);
        var l2 = Luminance(background);
        return (Math.Max(l1, l2) + 0.05) / (Math.Min(l1, l2) + 0.05);
    }

    private static double Luminance(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        double Channel(int offset)
        {
            var c = int.Parse(hex.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
    }
}

/// <summary>Refuses at start-up a theme whose colours would make text or focus rings unreadable.</summary>
public sealed class BrandingContrastValidation : IValidateOptions<BrandingOptions>
{
    /// <summary>The light grey of cards and the footer, behind primary-coloured text.</summary>
    public const string SurfaceColour = "#f3f5f6";

    public ValidateOptionsResult Validate(string? name, BrandingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IsColour(options.PrimaryColor) || !IsColour(options.AccentColor))
        {
            return ValidateOptionsResult.Fail("Branding : les couleurs s'écrivent #rrggbb.");
        }

        var failures = new List<string>();
        if (ColourContrast.Ratio(options.PrimaryColor, "#ffffff") < ColourContrast.TextMinimum || ColourContrast.Ratio(options.PrimaryColor, SurfaceColour) < ColourContrast.TextMinimum)
        {
            failures.Add($"Branding:PrimaryColor {options.PrimaryColor} n'a pas un contraste de 4,5:1 avec le blanc et avec {SurfaceColour} (RGAA 3.2).");
        }

        if (ColourContrast.Ratio(options.AccentColor, "#ffffff") < ColourContrast.GraphicMinimum)
        {
            failures.Add($"Branding:AccentColor {options.AccentColor} n'a pas un contraste de 3:1 avec le blanc (indicateur de focus, RGAA 3.3).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsColour(string? value) =>
        value is { Length: 7 } && value[0] == '#' && value[1..].All(Uri.IsHexDigit);
}
