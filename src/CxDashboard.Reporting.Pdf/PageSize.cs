namespace CxDashboard.Reporting.Pdf;

/// <summary>A page size in points (1/72 inch).</summary>
public readonly record struct PageSize(float Width, float Height)
{
    public PageSize Landscape() => Width >= Height ? this : new PageSize(Height, Width);

    public PageSize Portrait() => Width <= Height ? this : new PageSize(Height, Width);
}

public static class PageSizes
{
    public static readonly PageSize A3 = new(841.89f, 1190.55f);
    public static readonly PageSize A4 = new(595.28f, 841.89f);
    public static readonly PageSize A5 = new(419.53f, 595.28f);
    public static readonly PageSize Letter = new(612, 792);
    public static readonly PageSize Legal = new(612, 1008);
}

/// <summary>Converts other units to the points every size in this library is given in.</summary>
public static class Units
{
    public static float Millimetres(float millimetres) => millimetres * 72f / 25.4f;

    public static float Centimetres(float centimetres) => Millimetres(centimetres * 10);

    public static float Inches(float inches) => inches * 72f;
}
