package org.eclipse.kura.message;

import java.util.Date;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The position of a device in a {@link KuraPayload}. Every field is optional: a getter returns null until its setter
 * was called.
 */
@ProviderType
public class KuraPosition {

    private Double longitude;
    private Double latitude;
    private Double altitude;
    private Double precision;
    private Double heading;
    private Double speed;
    private Date timestamp;
    private Integer satellites;
    private Integer status;

    /** A position with no field set. */
    public KuraPosition() {
        // every field starts unset
    }

    /** @return the longitude in degrees, or null */
    public Double getLongitude() {
        return this.longitude;
    }

    /** @param longitude the longitude in degrees */
    public void setLongitude(double longitude) {
        this.longitude = longitude;
    }

    /** @return the latitude in degrees, or null */
    public Double getLatitude() {
        return this.latitude;
    }

    /** @param latitude the latitude in degrees */
    public void setLatitude(double latitude) {
        this.latitude = latitude;
    }

    /** @return the altitude in metres, or null */
    public Double getAltitude() {
        return this.altitude;
    }

    /** @param altitude the altitude in metres */
    public void setAltitude(double altitude) {
        this.altitude = altitude;
    }

    /** @return the precision (dilution of precision), or null */
    public Double getPrecision() {
        return this.precision;
    }

    /** @param precision the precision (dilution of precision) */
    public void setPrecision(double precision) {
        this.precision = precision;
    }

    /** @return the heading in degrees, or null */
    public Double getHeading() {
        return this.heading;
    }

    /** @param heading the heading in degrees */
    public void setHeading(double heading) {
        this.heading = heading;
    }

    /** @return the speed in metres per second, or null */
    public Double getSpeed() {
        return this.speed;
    }

    /** @param speed the speed in metres per second */
    public void setSpeed(double speed) {
        this.speed = speed;
    }

    /** @return the time of the fix, or null */
    public Date getTimestamp() {
        return this.timestamp;
    }

    /** @param timestamp the time of the fix */
    public void setTimestamp(Date timestamp) {
        this.timestamp = timestamp;
    }

    /** @return the number of satellites, or null */
    public Integer getSatellites() {
        return this.satellites;
    }

    /** @param satellites the number of satellites */
    public void setSatellites(int satellites) {
        this.satellites = satellites;
    }

    /** @return the fix status, or null */
    public Integer getStatus() {
        return this.status;
    }

    /** @param status the fix status */
    public void setStatus(int status) {
        this.status = status;
    }
}
