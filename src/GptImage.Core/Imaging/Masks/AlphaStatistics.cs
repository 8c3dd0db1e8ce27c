using System;

namespace GptImage.Imaging.Masks
{
    /// <summary>
    /// Counts alpha-0 pixels and tracks their bounding box row by row as the decoder delivers them, so the
    /// mask check never holds the image.
    /// </summary>
    internal sealed class AlphaStatistics
    {
        private int _minX = int.MaxValue, _minY = int.MaxValue, _maxX = -1, _maxY = -1;

        public long TransparentPixels { get; private set; }
        public long TotalPixels { get; private set; }

        public void AddRow(int y, byte[] alpha)
        {
            TotalPixels += alpha.Length;
            var span = new ReadOnlySpan<byte>(alpha);
            int first = span.IndexOf((byte)0); // vectorised on .NET Core: opaque rows cost little
            if (first < 0) return;
            int last = span.LastIndexOf((byte)0);
            int count = 0;
            for (int i = first; i <= last; i++) if (alpha[i] == 0) count++;
            TransparentPixels += count;
            if (first < _minX) _minX = first;
            if (last > _maxX) _maxX = last;
            if (y < _minY) _minY = y;
            if (y > _maxY) _maxY = y;
        }

        public double TransparentPercent => TotalPixels == 0 ? 0 : TransparentPixels * 100.0 / TotalPixels;

        public MaskRectangle? Bounds => _maxX < 0 ? (MaskRectangle?)null : new MaskRectangle(_minX, _minY, _maxX - _minX + 1, _maxY - _minY + 1);
    }
}
