using System.ComponentModel.DataAnnotations;

namespace CilPortal.Web.Infrastructure;

/// <summary>The EPCI's look: name, logo and colours (section <c>Branding</c>).</summary>
public sealed class BrandingOptions
{
    public const string Section = "Branding";
    private const string ColourPattern = "^#[0-9a-fA-F]{6}$";

    [Required]
    public string EpciName { get; set; } = "Le Grand Narbonne";

    [Required]
    public string PortalName { get; set; } = "Logement social — Le Grand Narbonne";

    public string LogoPath { get; set; } = "/img/logo.svg";

    /// <summary>Main colour (header, links, buttons); must contrast at least 4.5:1 with white.</summary>
    [RegularExpression(ColourPattern)]
    public string PrimaryColor { get; set; } = "#0b5d7a";

    /// <summary>Accent colour (focus ring, highlights); must contrast at least 3:1 with white.</summary>
    [RegularExpression(ColourPattern)]
    public string AccentColor { get; set; } = "#9a3412";

    /// <summary>The theme stylesheet served at /theme.css.</summary>
    public string ToCss() => $":root{{--color-primary:{PrimaryColor};--color-accent:{AccentColor};}}\n";
}
