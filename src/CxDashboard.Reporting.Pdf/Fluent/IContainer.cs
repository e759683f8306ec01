namespace CxDashboard.Reporting.Pdf;

/// <summary>
/// A place for exactly one piece of content. Extension methods either wrap it (Padding, Border, Align…, Width…, which
/// return the inner container to continue with) or fill it (Text, Column, Row, Table, Image, Chart, Canvas).
/// Report sections are plain methods taking a container: <c>void KpiTile(IContainer container, Kpi kpi)</c>.
/// Only this library creates containers.
/// </summary>
public interface IContainer
{
}

/// <summary>A table cell: a container that can also span several columns.</summary>
public interface ITableCell : IContainer
{
}

/// <summary>How an image is sized in the space it is offered; its aspect ratio is always kept.</summary>
public enum ImageScaling
{
    /// <summary>As wide as the space; moves to the next page when that makes it too tall.</summary>
    FitWidth,

    /// <summary>As large as fits both the width and the height offered.</summary>
    FitArea,
}
