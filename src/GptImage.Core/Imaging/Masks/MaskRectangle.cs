using System;
using System.Globalization;

namespace GptImage
{
    /// <summary>A pixel rectangle: an area to edit when making a mask, or the bounds of a mask's edit region.</summary>
    public readonly struct MaskRectangle : IEquatable<MaskRectangle>
    {
        public MaskRectangle(int x, int y, int width, int height)
        {
            X = x;
            Y = y;
            Width = width;
            Height = height;
        }

        public int X { get; }
        public int Y { get; }
        public int Width { get; }
        public int Height { get; }

        /// <summary>First column to the right of the rectangle.</summary>
        public int Right => X + Width;

        /// <summary>First row below the rectangle.</summary>
        public int Bottom => Y + Height;

        /// <summary>Parses "x,y,width,height" (whole numbers; spaces allowed), as typed after -Rectangle.</summary>
        public static MaskRectangle Parse(string text)
        {
            if (TryParse(text, out MaskRectangle rectangle)) return rectangle;
            throw new GptImageValidationException(ErrorIds.InvalidMask, "Rectangle", text,
                "four whole numbers x,y,width,height with width and height above 0, for example 100,50,400,300");
        }

        public static bool TryParse(string? text, out MaskRectangle rectangle)
        {
            rectangle = default;
            if (string.IsNullOrWhiteSpace(text)) return false;
            string[] parts = text!.Split(',');
            if (parts.Length != 4) return false;
            var values = new int[4];
            for (int i = 0; i < 4; i++)
                if (!int.TryParse(parts[i].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out values[i])) return false;
            if (values[2] <= 0 || values[3] <= 0) return false;
            rectangle = new MaskRectangle(values[0], values[1], values[2], values[3]);
            return true;
        }

        public bool Equals(MaskRectangle other) => X == other.X && Y == other.Y && Width == other.Width && Height == other.Height;
        public override bool Equals(object? obj) => obj is MaskRectangle other && Equals(other);
        public override int GetHashCode() => ((X * 397 ^ Y) * 397 ^ Width) * 397 ^ Height;
        public static bool operator ==(MaskRectangle a, MaskRectangle b) => a.Equals(b);
        public static bool operator !=(MaskRectangle a, MaskRectangle b) => !a.Equals(b);

        /// <summary>"x,y,width,height", the form <see cref="Parse"/> reads.</summary>
        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0},{1},{2},{3}", X, Y, Width, Height);
    }
}
