using CilPortal.Web.Infrastructure;

namespace CilPortal.Tests.Web;

public class ColourContrastTests
{
    [Fact]
    public void Black_on_white_is_21_to_1() =>
        Assert.Equal(21.0, ColourContrast.Ratio("#000000", "#ffffff"), 1);

    [Fact]
    public void The_default_theme_passes_and_a_pale_primary_colour_is_refused()
    {
        var validation = new BrandingContrastValidation();

        Assert.True(validation.Validate(null, new BrandingOptions()).Succeeded);
        var pale = validation.Validate(null, new BrandingOptions { PrimaryColor = "#66aadd" });
        Assert.True(pale.Failed);
        Assert.Contains("PrimaryColor", pale.FailureMessage, StringComparison.Ordinal);
        Assert.True(validation.Validate(null, new BrandingOptions { AccentColor = "#ffee00" }).Failed);
    }
}
