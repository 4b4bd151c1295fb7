package org.faregate.validator.qr.photo;

/**
 * How one photo of a phone screen is taken: the pose of the screen before the camera and what the screen,
 * the glass and the camera do to the picture. Lengths are in frame pixels, angles in degrees.
 *
 * @param modulePixels   frame pixels per QR module when the screen faces the camera squarely
 * @param rotation       turn of the phone in the picture plane
 * @param tilt           how far the screen leans away from facing the camera (perspective)
 * @param tiltAxis       direction, in the screen plane, of the axis the screen leans about
 * @param offsetX        shift of the code's centre from the frame's centre
 * @param offsetY        shift of the code's centre from the frame's centre
 * @param darkMode       light modules on a dark screen instead of dark on light
 * @param lightLevel     luminance of the screen's light parts as the camera sees them
 * @param darkLevel      luminance of the screen's dark parts
 * @param contrast       squeeze towards mid-grey (1 none)
 * @param glare          peak brightness added by a reflection on the code (0 none)
 * @param glareRadius    the reflection's radius as a share of the code's side
 * @param defocus        standard deviation of the Gaussian blur (0 none)
 * @param motion         length of the motion streak (0 none)
 * @param motionAngle    direction of the motion streak
 * @param noise          standard deviation of the sensor noise
 * @param jpegQuality    JPEG quality 0..1 of the streamed frame (0 means not compressed)
 */
record Shot(double modulePixels, double rotation, double tilt, double tiltAxis, double offsetX, double offsetY,
            boolean darkMode, double lightLevel, double darkLevel, double contrast, double glare, double glareRadius,
            double defocus, double motion, double motionAngle, double noise, float jpegQuality) {

    Shot {
        if (modulePixels <= 0 || lightLevel <= darkLevel || contrast <= 0 || jpegQuality < 0 || jpegQuality > 1) {
            throw new IllegalArgumentException("impossible shot: " + modulePixels + " px/module, levels "
                    + darkLevel + ".." + lightLevel + ", contrast " + contrast + ", JPEG quality " + jpegQuality);
        }
    }
}
