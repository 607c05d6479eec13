"use client";
import { useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { nearestPoint, pointerKey } from "@/lib/enhance/logic";

type Point = { x: number; y: number; label: string; value: string };

/**
 * The plot area of an indicator's chart (drawn on the server, passed as children) with a read-out
 * of the nearest quarter's value: under the pointer, or with the arrow keys once focused (Home and
 * End jump to the first and last quarter, Escape hides it). The data attributes let
 * src/lib/enhance/lite.ts do the same on the script-free page anonymous visitors get.
 */
export function ChartPointer({
  points,
  name,
  color,
  children,
}: {
  points: Point[];
  name: string;
  color: string;
  children: ReactNode;
}) {
  const [active, setActive] = useState<number | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const nearest = (clientX: number) => {
    const r = box.current!.getBoundingClientRect();
    return nearestPoint(
      points.map((q) => q.x),
      ((clientX - r.left) / r.width) * 100,
    );
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const next = pointerKey(e.key, active, points.length);
    if (next === "hide") setActive(null);
    else if (next !== null) {
      e.preventDefault();
      setActive(next);
    }
  };
  const p = active === null ? null : points[active];
  return (
    <div
      ref={box}
      className="absolute bottom-[30px] left-16 right-6 top-4"
      tabIndex={points.length ? 0 : undefined}
      role="application"
      aria-labelledby="chart-title"
      aria-describedby="chart-summary"
      data-points={JSON.stringify(points)}
      data-name={name}
      data-color={color}
      onPointerMove={(e) => points.length && setActive(nearest(e.clientX))}
      onPointerLeave={() => setActive(null)}
      onKeyDown={onKeyDown}
      onBlur={() => setActive(null)}
    >
      {children}
      {p && (
        <svg className="pointer-events-none absolute inset-0 h-full w-full overflow-visible" aria-hidden="true">
          <line x1={`${p.x}%`} x2={`${p.x}%`} y1="0" y2="100%" stroke="#ccc" />
          <circle cx={`${p.x}%`} cy={`${p.y}%`} r="4" fill={color} stroke="#fff" strokeWidth="2" />
        </svg>
      )}
      <div
        role="status"
        className={
          p ? "pointer-events-none absolute z-10 whitespace-nowrap border border-[#ccc] bg-white p-2.5" : "sr-only"
        }
        style={
          p
            ? {
                top: `${Math.min(p.y, 70)}%`,
                ...(p.x > 60 ? { right: `calc(${100 - p.x}% + 10px)` } : { left: `calc(${p.x}% + 10px)` }),
              }
            : undefined
        }
      >
        {p && (
          <>
            <p>{p.label}</p>
            <p style={{ color }}>
              {name} : {p.value}
            </p>
          </>
        )}
      </div>
    </div>
  );
}
